"""Files that sync: content-addressed, checked before they are kept, tied to records by rows."""

from __future__ import annotations

import io
import stat
import struct
import uuid
import zlib
from pathlib import Path

import pytest
from PIL import Image
from sqlalchemy import select

from mzdesk.core.errors import ValidationError
from mzdesk.core.vocab import AttachmentKind
from mzdesk.services.attachments import (
    MissingFile,
    add_attachment,
    attachments_of,
    check_image,
    read_file,
    store_file,
)
from mzdesk.services.institutions import InstitutionView
from mzdesk.store.engine import Store
from mzdesk.store.files import FileCorrupt, FileStore, FileTooLarge, sha256_of
from mzdesk.store.models import Attachment, OutboxEntry
from tests.helpers.actors import SETUP


def png(width: int = 4, height: int = 3, colour: str = "red") -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (width, height), colour).save(out, "PNG")
    return out.getvalue()


def jpeg() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (8, 8), "blue").save(out, "JPEG")
    return out.getvalue()


def with_ihdr_size(data: bytes, width: int, height: int) -> bytes:
    """The same PNG claiming another size in its header (CRC fixed): a decompression bomb's
    header costs nothing to forge."""
    ihdr = bytearray(data[12:29])  # b"IHDR" + 13 bytes of header
    ihdr[4:12] = struct.pack(">II", width, height)
    crc = struct.pack(">I", zlib.crc32(bytes(ihdr)) & 0xFFFFFFFF)
    return data[:12] + bytes(ihdr) + crc + data[33:]


def codes(error: ValidationError) -> list[str]:
    return [p.code for p in error.problems]


def test_a_file_is_kept_once_under_its_hash_encrypted_readable_by_its_owner_only(
    store: Store,
) -> None:
    data = png()
    first = store_file(store, data)
    second = store_file(store, data, "image/png")
    assert first == second
    assert first.sha256 == sha256_of(data) and first.size == len(data)
    path = store.files.path(first.sha256)
    kept = path.read_bytes()
    assert kept.startswith(b"MZF1") and data[8:24] not in kept  # not the picture's bytes
    assert store.files.read(first.sha256) == data
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    assert [p.name for p in path.parent.iterdir()] == [first.sha256]
    assert list((store.files.root / "tmp").iterdir()) == []
    assert store.path is not None and store.files.root.parent == store.path.parent


@pytest.mark.parametrize(
    ("data", "declared", "code"),
    [
        (b"", None, "attachment.empty"),
        (b"%PDF-1.7 not a photo", None, "attachment.not_image"),
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 40, None, "attachment.broken_image"),
        (jpeg(), "image/png", "attachment.type_mismatch"),
        (png()[:-20], None, "attachment.broken_image"),
        (with_ihdr_size(png(), 100_000, 100_000), None, "attachment.too_many_pixels"),
        (with_ihdr_size(png(), 10_000, 6_000), None, "attachment.too_many_pixels"),
    ],
)
def test_what_is_not_an_acceptable_image_is_refused_with_a_reason(
    store: Store, data: bytes, declared: str | None, code: str
) -> None:
    with pytest.raises(ValidationError) as caught:
        store_file(store, data, declared)
    assert codes(caught.value) == [code]
    assert caught.value.problems[0].label == "文件"
    assert list(store.files.root.glob("??/*")) == []  # nothing was kept


def test_a_file_over_the_size_limit_is_refused_before_it_is_decoded(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr("mzdesk.services.attachments.MAX_ATTACHMENT_BYTES", 100)
    with pytest.raises(ValidationError) as caught:
        check_image(png(64, 64, "white") + b"\x00" * 200)
    assert codes(caught.value) == ["attachment.too_large"]


def test_the_pixel_limit_is_stated_as_it_is_in_both_languages() -> None:
    from mzdesk.core.i18n import set_language

    bomb = with_ihdr_size(png(), 10_000, 6_000)
    try:
        for language, expected in (("zh", "5000 万像素"), ("en", "50 million")):
            set_language(language)
            with pytest.raises(ValidationError) as caught:
                check_image(bomb)
            assert expected in caught.value.problems[0].message
    finally:
        set_language("zh")


def test_jpeg_is_accepted_and_typed_from_its_bytes_not_its_name() -> None:
    assert check_image(jpeg()) == "image/jpeg"
    assert check_image(png(), "image/png") == "image/png"


def test_a_stream_that_does_not_hash_to_its_name_or_runs_over_is_not_kept(
    tmp_path: Path,
) -> None:
    files = FileStore(tmp_path / "files")
    data = png()
    with pytest.raises(FileCorrupt):
        files.put_stream([data], expected="0" * 64, max_bytes=10_000)
    with pytest.raises(FileTooLarge):
        files.put_stream(iter([data, data, data]), max_bytes=len(data) * 2)
    assert not files.has(sha256_of(data))
    assert list((files.root / "tmp").iterdir()) == []
    digest = files.put_stream(
        iter([data[:10], data[10:]]), expected=sha256_of(data), max_bytes=10_000
    )
    assert files.read(digest) == data


def test_an_attachment_row_ties_a_file_to_a_record_and_syncs(
    store: Store, home: InstitutionView
) -> None:
    ref = store_file(store, png())
    owner = uuid.uuid4()
    with store.write(SETUP) as session:
        attachment_id = add_attachment(
            session,
            institution_id=home.id,
            owner_table="inspection_results",
            owner_id=owner,
            ref=ref,
            kind=AttachmentKind.PHOTO,
            caption="灭火器",
        )
    found = attachments_of(store, "inspection_results", [owner, uuid.uuid4()])
    assert [a.id for a in found[owner]] == [attachment_id]
    assert found[owner][0].sha256 == ref.sha256 and found[owner][0].caption == "灭火器"
    assert read_file(store, ref.sha256) == png()
    with store.read() as session:
        entries = session.scalars(
            select(OutboxEntry).where(OutboxEntry.table_name == "attachments")
        ).all()
        row = session.get(Attachment, attachment_id)
    assert len(entries) == 1 and row is not None and row.kind is AttachmentKind.PHOTO


def test_a_file_that_has_not_arrived_says_so(store: Store) -> None:
    with pytest.raises(MissingFile) as caught:
        read_file(store, "a" * 64)
    assert "尚未同步" in str(caught.value)
