"""Printing a PdfPreview the way a user does (its 打印… button, the print dialog accepted) onto
a PDF printer, and reading PDFs back (tests/helpers/tools.py: poppler, or its PyPI stand-ins)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QImage
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QDialog, QWidget

from mzdesk.gui.widgets import pdf_preview
from mzdesk.gui.widgets.pdf_preview import PdfPreview
from tests.helpers import tools
from tests.helpers.tools import flat


def pdf_text(path: Path) -> str:
    """The PDF's text with white space removed (CJK lines break anywhere)."""
    return flat(tools.pdf_text(path))


def pdf_info(path: Path) -> dict[str, str]:
    return tools.pdf_info(path)


def page_image(path: Path, page: int, folder: Path) -> QImage:
    """Page ``page`` (1-based) rendered in grey at 30 dpi."""
    png = tools.render_page(path, page, folder / f"{path.stem}-p{page}.png", 30, gray=True)
    image = QImage(str(png))
    assert not image.isNull()
    return image


def content(image: QImage) -> QImage:
    """The part of a page image that is not white (the page's margins cut off)."""
    xs, ys = [], []
    for y in range(image.height()):
        for x in range(image.width()):
            if image.pixelColor(x, y).value() < 200:
                xs.append(x)
                ys.append(y)
    assert xs, "an empty page"
    return image.copy(min(xs), min(ys), max(xs) - min(xs) + 1, max(ys) - min(ys) + 1)


def difference(a: QImage, b: QImage) -> float:
    """Mean absolute grey difference (0–255) of two images, both smoothed down to 60×85."""
    size = QSize(60, 85)
    a, b = (
        image.scaled(
            size, Qt.AspectRatioMode.IgnoreAspectRatio, Qt.TransformationMode.SmoothTransformation
        )
        for image in (a, b)
    )
    total = 0
    for y in range(size.height()):
        for x in range(size.width()):
            total += abs(a.pixelColor(x, y).value() - b.pixelColor(x, y).value())
    return total / (size.width() * size.height())


def print_with_dialog(qtbot, monkeypatch, preview: PdfPreview, out: Path) -> Path:
    """Click 打印…; the system print dialog is replaced by one that chooses "print to file"
    (PDF, ``out``) and is accepted at once. Returns ``out`` once written."""

    class ChoosesFile(QDialog):
        def __init__(self, printer: QPrinter, parent: QWidget | None = None) -> None:
            super().__init__(parent)
            self.printer = printer
            printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
            printer.setOutputFileName(str(out))

        def show(self) -> None:
            self.accept()

    monkeypatch.setattr(pdf_preview, "QPrintDialog", ChoosesFile)
    qtbot.mouseClick(preview.print_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: out.exists() and out.stat().st_size > 0, timeout=30_000)
    return out


def assert_printed_like(printed: Path, source: Path, pages: int, folder: Path) -> None:
    """``printed`` is A4 with ``pages`` pages, each looking like the source's page."""
    info = pdf_info(printed)
    assert info["Pages"] == str(pages)
    assert "(A4)" in info["Page size"], info["Page size"]
    for page in range(1, pages + 1):
        mine = content(page_image(printed, page, folder))
        theirs = content(page_image(source, page, folder))
        ratio = (mine.width() / mine.height()) / (theirs.width() / theirs.height())
        assert 0.97 < ratio < 1.03, page  # scaled, not stretched
        # measured: the same page 6–8 (the print is a 300 dpi picture of it), two different
        # pages of one report 15–34
        assert difference(theirs, mine) < 11, page
