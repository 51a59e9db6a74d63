"""Parts shared by the inspection report and the 整改通知书: "第 x 页 共 y 页" on every page,
table cells broken by the Chinese line rules, and pictures (photo thumbnails, signature
strokes) scaled down with Pillow one at a time, or a box saying why there is none."""

from __future__ import annotations

import io
import threading
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

from PIL import Image, ImageOps
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Table, TableStyle
from reportlab.platypus import Image as PdfImage

from mzdesk.core.limits import MAX_ATTACHMENT_PIXELS
from mzdesk.reports.cjk import wrap
from mzdesk.reports.fonts import register_cjk_font

GRID = colors.HexColor("#99a7b8")
HEAD = colors.HexColor("#dde8f5")
RED = colors.HexColor("#b3261e")
PALE_RED = colors.HexColor("#fdecea")
GREY = colors.HexColor("#666666")
MARGIN = 20 * mm
WIDTH = A4[0] - 2 * MARGIN  # 170 mm of text width
PICTURE_THREADS = 2
FOOTER_SIDE = 58 * mm  # the footer's left and right texts stay clear of the page number


_fonts = threading.local()


def report_font() -> str:
    """The CJK font, registered once per thread: reportlab keeps each document's subset
    state apart (per document), so documents built one after another on a thread share it
    safely; two threads never do (see reports/fonts.py). Parsing the font costs ~0.3 s."""
    name: str | None = getattr(_fonts, "name", None)
    if name is None:
        name = _fonts.name = register_cjk_font()
    return name


def numbered_canvas(font: str, left: str, right: str) -> Callable[..., Canvas]:
    """A canvas class that holds its pages until the end, then writes on each the footer
    "第 x 页 共 y 页" (with ``left`` and ``right`` beside it): the total is known only then."""

    class NumberedCanvas(Canvas):  # type: ignore[misc]
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._held: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._held.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._held)
            for number, state in enumerate(self._held, 1):
                self.__dict__.update(state)
                self.saveState()
                self.setFont(font, 8)
                self.setFillColor(GREY)
                self.drawCentredString(A4[0] / 2, 10 * mm, f"第 {number} 页 共 {total} 页")
                self.drawString(MARGIN, 10 * mm, fit(left, font, 8, FOOTER_SIDE))
                self.drawRightString(A4[0] - MARGIN, 10 * mm, fit(right, font, 8, FOOTER_SIDE))
                self.restoreState()
                super().showPage()
            super().save()

    return NumberedCanvas


def fit(text: str, font: str, size: float, width: float) -> str:
    """``text`` cut with "…" to at most ``width`` points."""
    if stringWidth(text, font, size) <= width:
        return text
    while text and stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text + "…"


def lines(text: str | None, font: str, size: float, width: float) -> str:
    """``text`` broken for a table cell ``width`` points wide (minus its padding), as the
    lines a plain-string cell draws (much quicker than a Paragraph per cell)."""
    if not text:
        return ""
    return "\n".join(
        line for part in text.splitlines() for line in wrap(part, font, size, width - 7)
    )


@dataclass(frozen=True)
class Picture:
    """A photo or signature ready to draw: shrunk image bytes and their size, or why not."""

    data: bytes | None  # None: no file on this device (``missing``) or not a readable image
    width: int = 0
    height: int = 0
    missing: bool = False


def load_pictures(
    wanted: Iterable[tuple[str, int, bool]], read: Callable[[str], bytes | None]
) -> dict[str, Picture]:
    """Each (sha256, pixels, signature) read and shrunk (:func:`shrink`) on a few threads
    (Pillow decodes without holding the GIL); at most ``PICTURE_THREADS`` originals are in
    memory at once, only the small copies are kept."""

    def one(key: tuple[str, int, bool]) -> Picture:
        data = read(key[0])
        if data is None:
            return Picture(None, missing=True)
        scaled = shrink(data, key[1], signature=key[2])
        del data
        return Picture(*scaled) if scaled else Picture(None)

    keys = list(dict.fromkeys(wanted))
    if len(keys) < 2:
        return {k[0]: one(k) for k in keys}
    with ThreadPoolExecutor(PICTURE_THREADS) as pool:
        return {k[0]: p for k, p in zip(keys, pool.map(one, keys), strict=True)}


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


def grid_style(font: str, size: float = 9) -> list[tuple[Any, ...]]:
    return [
        ("FONTNAME", (0, 0), (-1, -1), font),
        ("FONTSIZE", (0, 0), (-1, -1), size),
        ("LEADING", (0, 0), (-1, -1), size * 1.35),
        ("GRID", (0, 0), (-1, -1), 0.4, GRID),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ]
