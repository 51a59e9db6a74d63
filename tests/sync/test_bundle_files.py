"""Photos and signatures travel in USB bundles: a site's bundle carries the files the server
may lack, the server's bundle back carries the files of the attachments it brings and those
the site said it lacks; every file is checked against its name; importing twice changes
nothing (server/bundles.py, sync/bundles.py, sync/files.py)."""

from __future__ import annotations

from sqlalchemy import func, select

from mzdesk.core.bundle import file_entry, read_bundle, write_bundle
from mzdesk.server.admin import list_devices
from mzdesk.server.bundles import export_bundle, import_bundle
from mzdesk.server.models import StoredFile
from mzdesk.services.attachments import read_file
from mzdesk.store.engine import Store
from mzdesk.sync.bundles import export_bundle as site_export
from mzdesk.sync.bundles import import_bundle as site_import
from mzdesk.sync.device import enrolment
from mzdesk.sync.status import sync_status
from tests.helpers.actors import SETUP
from tests.sync.conftest import ServerProcess, new_client, sync
from tests.sync.helpers import dump
from tests.sync.test_files import attach, png


def stored_files(server: ServerProcess) -> int:
    with server.db.transaction() as session:
        return int(session.scalar(select(func.count()).select_from(StoredFile)) or 0)


def device_id(server: ServerProcess, name: str) -> str:
    return str(next(d for d in list_devices(server.db) if d.name == name).id)


def reseal(store: Store, change) -> bytes:
    """This site's next bundle, its content changed by ``change`` and sealed again with the
    site's own key (a well-signed bundle whose content is not well made)."""
    data, _ = site_export(store, SETUP)
    with store.read() as session:
        found = enrolment(session)
    assert found is not None
    content = read_bundle(data, found.bundle_key, "to_server")
    change(content)
    return write_bundle(found.device_id, found.bundle_key, content)


def test_files_go_by_usb_both_ways_once_and_idempotently(server, tmp_path):
    server.institution("山村敬老院")
    a = new_client(tmp_path, server, server.code(institution="山村敬老院"), "前台电脑")
    b = new_client(tmp_path, server, server.code(institution="山村敬老院"), "护理站电脑")
    sync(a)
    sync(b)
    photo, signature = png(11), png(12, (120, 40))
    sha_photo, sha_sign = attach(a, photo), attach(a, signature, "inspection_signatures")

    bundle, _ = site_export(a, SETUP)
    first = import_bundle(server.db, bundle)
    assert (first["files_stored"], first["files_refused"]) == (2, 0)
    assert stored_files(server) == 2
    again = import_bundle(server.db, bundle)  # twice: the same files, nothing new
    assert again["files_refused"] == 0 and stored_files(server) == 2

    # back to A: the server holds them, so A stops offering them
    assert sync_status(a)["files_to_send"] == 2
    site_import(a, SETUP, export_bundle(server.db, device_id(server, "前台电脑")))
    assert sync_status(a)["files_to_send"] == 0

    # to B, which has never seen them: rows and files in one bundle
    back = export_bundle(server.db, device_id(server, "护理站电脑"))
    summary = site_import(b, SETUP, back)
    assert summary["files"] == 2
    assert read_file(b, sha_photo) == photo and read_file(b, sha_sign) == signature
    assert sync_status(b)["files_to_fetch"] == 0
    snapshot = dump(b)
    assert site_import(b, SETUP, back)["files"] == 2  # twice: the same rows and bytes
    assert dump(b) == snapshot and read_file(b, sha_photo) == photo


def test_a_file_the_server_lacked_comes_in_a_later_bundle_when_asked_for(server, tmp_path):
    server.institution("山村敬老院")
    a = new_client(tmp_path, server, server.code(institution="山村敬老院"), "前台电脑")
    b = new_client(tmp_path, server, server.code(institution="山村敬老院"), "护理站电脑")
    sync(a)
    sync(b)
    photo = png(21)
    sha = attach(a, photo)
    kept = a.files.read(sha)  # the photo itself (what is on disk is encrypted)
    a.files.path(sha).unlink()  # A's first bundle brings the row only
    import_bundle(server.db, site_export(a, SETUP)[0])
    site_import(b, SETUP, export_bundle(server.db, device_id(server, "护理站电脑")))
    assert sync_status(b)["files_to_fetch"] == 1  # the row is there, its file is not yet

    a.files.put(kept)
    import_bundle(server.db, site_export(a, SETUP)[0])  # now with the file
    # B's own bundle says what it lacks; the server's next bundle for B brings it, although
    # the attachment row itself went to B before
    import_bundle(server.db, site_export(b, SETUP)[0])
    summary = site_import(b, SETUP, export_bundle(server.db, device_id(server, "护理站电脑")))
    assert summary["files"] == 1 and read_file(b, sha) == photo
    assert sync_status(b)["files_to_fetch"] == 0


def test_forged_oversized_and_foreign_files_in_a_signed_bundle_are_refused(server, tmp_path):
    server.institution("山村敬老院")
    a = new_client(tmp_path, server, server.code(institution="山村敬老院"), "前台电脑")
    sync(a)
    sha = attach(a, png(31))
    stranger = png(32)

    def forge(content):
        (entry,) = content["files"]
        content["files"] = [
            {**entry, "data": file_entry(sha, "image/png", png(33))["data"]},  # other bytes
            {"sha256": sha, "media_type": "image/png", "data": "A" * (20 * 1024 * 1024)},
            file_entry(__import__("hashlib").sha256(stranger).hexdigest(), "image/png", stranger),
            {"sha256": "../../etc/passwd", "data": ""},
            "not even an object",
        ]

    summary = import_bundle(server.db, reseal(a, forge))
    assert summary["applied"] == 1  # the row went in
    assert (summary["files_stored"], summary["files_refused"]) == (0, 5)
    assert stored_files(server) == 0
    # the genuine file comes with the next bundle
    assert import_bundle(server.db, site_export(a, SETUP)[0])["files_stored"] == 1
