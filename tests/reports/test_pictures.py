"""Pictures for printed reports: shrunk with Pillow one at a time, upright, refused past the
pixel limit without being decoded, and a box when the file is missing or broken."""

from __future__ import annotations

import io

from PIL import Image

from mzdesk.core.limits import MAX_ATTACHMENT_PIXELS
from mzdesk.reports.pictures import Picture, load_pictures, shrink
from mzdesk.store.files import SealedCache
from tests.helpers.inspection_report import photo, stroke


def test_a_camera_photo_becomes_a_small_jpeg():
    scaled = shrink(photo("#c0392b", "x", (4000, 3000)), 400)
    assert scaled is not None
    data, width, height = scaled
    assert (width, height) == (400, 300)
    with Image.open(io.BytesIO(data)) as image:
        assert image.format == "JPEG" and image.size == (400, 300)
        r, g, _ = image.getpixel((200, 60))
        assert r > 150 and g < 100  # still the red panel


def test_a_photo_taken_sideways_is_turned_upright():
    image = Image.new("RGB", (1600, 1200), "#2471a3")
    exif = image.getexif()
    exif[0x0112] = 6  # Orientation: rotate 90° clockwise to view
    out = io.BytesIO()
    image.save(out, format="JPEG", exif=exif)
    scaled = shrink(out.getvalue(), 400)
    assert scaled is not None and scaled[1:] == (300, 400)


def test_a_signature_stays_png_on_white():
    scaled = shrink(stroke(1), 600, signature=True)
    assert scaled is not None
    data, width, height = scaled
    assert (width, height) == (600, 200)
    with Image.open(io.BytesIO(data)) as image:
        assert image.format == "PNG" and image.mode == "RGB"
        assert image.getpixel((2, 2)) == (255, 255, 255)  # transparent → white


def test_too_many_pixels_or_not_an_image_is_refused_without_decoding():
    side = int(MAX_ATTACHMENT_PIXELS**0.5) + 100
    big = io.BytesIO()
    Image.new("1", (side, side)).save(big, format="PNG")  # small file, huge canvas
    assert len(big.getvalue()) < 2_000_000
    assert shrink(big.getvalue(), 400) is None
    assert shrink(b"\xff\xd8\xff" + b"\0" * 100, 400) is None
    assert shrink(b"GIF89a....", 400) is None


def test_load_pictures_tells_missing_from_broken():
    files = {"a": photo("#c0392b", "a"), "b": b"not an image"}
    shown = load_pictures(
        [("a", 400, False), ("b", 400, False), ("c", 400, False), ("a", 400, False)], files.get
    )
    assert set(shown) == {"a", "b", "c"}
    assert shown["a"].data is not None and (shown["a"].width, shown["a"].height) == (400, 300)
    assert shown["b"] == Picture(None, missing=False)
    assert shown["c"] == Picture(None, missing=True)


def test_small_copies_are_kept_and_used_next_time(tmp_path):
    from mzdesk.store.files import sha256_of

    original = photo("#2471a3", "kept", (4000, 3000))
    sha = sha256_of(original)
    reads: list[str] = []

    def read(key: str) -> bytes | None:
        reads.append(key)
        return original if key == sha else None

    cache = SealedCache(tmp_path / "thumbs", bytes(32))
    first = load_pictures([(sha, 400, False)], read, cache)
    again = load_pictures([(sha, 400, False)], read, cache)
    assert reads == [sha]  # the second print never read (or decoded) the original
    assert again == first and first[sha].width == 400
    kept = next((tmp_path / "thumbs").rglob("*.jpg"))
    assert first[sha].data is not None and first[sha].data[:64] not in kept.read_bytes()
    kept.write_bytes(b"damaged")  # a damaged copy is made again, not printed
    assert load_pictures([(sha, 400, False)], read, cache) == first
    assert reads == [sha, sha]
    # a key that is not a SHA-256 never names a file of the cache
    assert load_pictures([("0" * 63, 400, False)], read, cache)["0" * 63].missing
