"""Parts shared by the inspection report and the 整改通知书: "第 x 页 共 y 页" on every page,
table cells broken by the Chinese line rules, and pictures (photo thumbnails, signature
strokes) scaled down with Pillow one at a time, or a box saying why there is none."""

from __future__ import annotations

import io
import warnings
from collections.abc import Callable
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

GRID = colors.HexColor("#99a7b8")
HEAD = colors.HexColor("#dde8f5")
RED = colors.HexColor("#b3261e")
PALE_RED = colors.HexColor("#fdecea")
GREY = colors.HexColor("#666666")
MARGIN = 20 * mm
WIDTH = A4[0] - 2 * MARGIN  # 170 mm of text width
FOOTER_SIDE = 58 * mm  # the footer's left and right texts stay clear of the page number


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


def picture(
    data: bytes | None,
    box: tuple[float, float],
    *,
    missing: str,
    broken: str,
    font: str,
    pixels: int = 400,
    signature: bool = False,
) -> Flowable:
    """The picture scaled to fit ``box`` (points), or a grey box with ``missing`` (no file on
    this device) or ``broken`` (a file that is not a readable image)."""
    if data is None:
        return text_box(missing, box, font)
    scaled = shrink(data, pixels, signature=signature)
    if scaled is None:
        return text_box(broken, box, font)
    encoded, width, height = scaled
    ratio = min(box[0] / width, box[1] / height)
    return PdfImage(io.BytesIO(encoded), width=width * ratio, height=height * ratio)


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
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data), formats=["PNG", "JPEG"]) as image:
                if image.width * image.height > MAX_ATTACHMENT_PIXELS:
                    return None
                image.draft("RGB", (pixels, pixels))
                image.thumbnail((pixels, pixels))
                upright = image if signature else ImageOps.exif_transpose(image)
                flat = _on_white(upright)
                out = io.BytesIO()
                if signature:
                    flat.save(out, format="PNG", optimize=False)
                else:
                    flat.save(out, format="JPEG", quality=82)
                return out.getvalue(), flat.width, flat.height
    except (OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        return None
    except Image.DecompressionBombWarning:
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
