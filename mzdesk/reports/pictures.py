"""Photos and signature strokes for printed reports: shrunk with Pillow (a JPEG decoded at a
reduced scale, turned upright; a stroke flattened on white), a few at a time on threads, and
kept as small copies beside the file store so the next print of the same photo skips the
decode (a 5 MB phone photo takes ~0.1 s to decode even at 1/8 scale). A missing or broken
file prints a box saying so, never an error."""

from __future__ import annotations

import io
import os
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

from PIL import Image, ImageOps
from reportlab.platypus import Flowable, Table, TableStyle
from reportlab.platypus import Image as PdfImage

from mzdesk.core.limits import MAX_ATTACHMENT_PIXELS
from mzdesk.reports.pages import GREY
from mzdesk.store.files import SealedCache, is_sha256

# each thread holds one original (≤ 12 MiB) while it decodes it at a reduced scale
PICTURE_THREADS = max(1, min(4, os.cpu_count() or 1))


@dataclass(frozen=True)
class Picture:
    """A photo or signature ready to draw: shrunk image bytes and their size, or why not."""

    data: bytes | None  # None: no file on this device (``missing``) or not a readable image
    width: int = 0
    height: int = 0
    missing: bool = False


def load_pictures(
    wanted: Iterable[tuple[str, int, bool]],
    read: Callable[[str], bytes | None],
    cache: SealedCache | None = None,
) -> dict[str, Picture]:
    """Each (sha256, pixels, signature): its shrunk copy from ``cache`` when made before,
    else read and shrunk (:func:`shrink`) on a few threads (Pillow decodes without holding
    the GIL) and kept in ``cache``. At most ``PICTURE_THREADS`` originals are in memory at
    once; only the small copies are kept."""

    def one(key: tuple[str, int, bool]) -> Picture:
        sha256, pixels, signature = key
        kept = _cached(cache, sha256, pixels, signature)
        if kept is not None:
            return kept
        data = read(sha256)
        if data is None:
            return Picture(None, missing=True)
        scaled = shrink(data, pixels, signature=signature)
        del data
        if scaled is None:
            return Picture(None)
        _keep(cache, sha256, pixels, signature, scaled[0])
        return Picture(*scaled)

    keys = list(dict.fromkeys(wanted))
    if len(keys) < 2:
        return {k[0]: one(k) for k in keys}
    with ThreadPoolExecutor(PICTURE_THREADS) as pool:
        return {k[0]: p for k, p in zip(keys, pool.map(one, keys), strict=True)}


def _cache_name(sha256: str, pixels: int, signature: bool) -> str:
    return f"{sha256}-{pixels}.{'png' if signature else 'jpg'}"


def _cached(cache: SealedCache | None, sha256: str, pixels: int, signature: bool) -> Picture | None:
    """A copy made before (the original's bytes never change: its name is their hash)."""
    if cache is None or not is_sha256(sha256):
        return None
    data = cache.get(_cache_name(sha256, pixels, signature))
    if data is None:
        return None
    try:
        with Image.open(io.BytesIO(data), formats=["PNG" if signature else "JPEG"]) as image:
            width, height = image.size
    except (OSError, SyntaxError, ValueError):
        return None  # damaged: made again
    return Picture(data, width, height)


def _keep(
    cache: SealedCache | None, sha256: str, pixels: int, signature: bool, data: bytes
) -> None:
    """Keep the copy (encrypted: a thumbnail of a resident's photo is personal data too)."""
    if cache is None or not is_sha256(sha256):
        return
    cache.put(_cache_name(sha256, pixels, signature), data)


def picture(
    shown: Picture, box: tuple[float, float], *, missing: str, broken: str, font: str
) -> Flowable:
    """The picture scaled to fit ``box`` (points), or a grey box with ``missing`` (no file on
    this device) or ``broken`` (a file that is not a readable image)."""
    if shown.data is None:
        return text_box(missing if shown.missing else broken, box, font)
    ratio = min(box[0] / shown.width, box[1] / shown.height)
    return PdfImage(io.BytesIO(shown.data), width=shown.width * ratio, height=shown.height * ratio)


def text_box(message: str, box: tuple[float, float], font: str) -> Table:
    table = Table([[message]], colWidths=[box[0]], rowHeights=[box[1]])
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), font),
                ("FONTSIZE", (0, 0), (-1, -1), 8),
                ("TEXTCOLOR", (0, 0), (-1, -1), GREY),
                ("ALIGN", (0, 0), (-1, -1), "CENTER"),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("BOX", (0, 0), (-1, -1), 0.6, GREY, None, (2, 2)),
            ]
        )
    )
    return table


def shrink(data: bytes, pixels: int, *, signature: bool = False) -> tuple[bytes, int, int] | None:
    """A copy at most ``pixels`` on its longer side: JPEG for photos (turned upright as the
    camera says), PNG on white for signature strokes; None when ``data`` is not a PNG or JPEG
    within the attachment pixel limit. A JPEG is decoded at a reduced scale (Pillow's draft
    mode), so a 12-megapixel photo never becomes 36 MB of pixels."""
    try:
        with Image.open(io.BytesIO(data), formats=["PNG", "JPEG"]) as image:
            if image.width * image.height > MAX_ATTACHMENT_PIXELS:
                return None
            # the smallest DCT scale still at least half the target: a 4000×3000 photo is
            # decoded as 500×375 for a 400-pixel copy
            image.draft("RGB", (pixels // 2, pixels // 2))
            image.thumbnail((pixels, pixels))
            upright = image if signature else ImageOps.exif_transpose(image)
            flat = _on_white(upright)
            out = io.BytesIO()
            if signature:
                flat.save(out, format="PNG")
            else:
                flat.save(out, format="JPEG", quality=82)
            return out.getvalue(), flat.width, flat.height
    except (OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        return None
    except Image.DecompressionBombWarning:  # raised when warnings are errors
        return None


def _on_white(image: Image.Image) -> Image.Image:
    if image.mode in ("RGBA", "LA") or (image.mode == "P" and "transparency" in image.info):
        rgba = image.convert("RGBA")
        white = Image.new("RGB", rgba.size, "white")
        white.paste(rgba, mask=rgba.getchannel("A"))
        return white
    return image.convert("RGB")
