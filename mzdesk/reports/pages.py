"""Parts shared by the inspection report and the 整改通知书: the font, "第 x 页 共 y 页" on
every page, table cells broken by the Chinese line rules, the grid style."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from mzdesk.reports.cjk import wrap
from mzdesk.reports.fonts import register_cjk_font

GRID = colors.HexColor("#99a7b8")
HEAD = colors.HexColor("#dde8f5")
RED = colors.HexColor("#b3261e")
PALE_RED = colors.HexColor("#fdecea")
GREY = colors.HexColor("#666666")
MARGIN = 20 * mm
WIDTH = A4[0] - 2 * MARGIN  # 170 mm of text width
FOOTER_SIDE = 58 * mm  # the footer's left and right texts stay clear of the page number


def report_font() -> str:
    """The CJK font, registered once per thread (see reports/fonts.py)."""
    return register_cjk_font()


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


def grid_style(font: str, size: float = 9) -> list[tuple[Any, ...]]:
    return [
        ("FONTNAME", (0, 0), (-1, -1), font),
        ("FONTSIZE", (0, 0), (-1, -1), size),
        # reportlab splits a tall row between pages counting 1.2 × the font size a line
        # (tables.py, _splitCell): another leading would run the split row off the page
        ("LEADING", (0, 0), (-1, -1), size * 1.2),
        ("GRID", (0, 0), (-1, -1), 0.4, GRID),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ]
