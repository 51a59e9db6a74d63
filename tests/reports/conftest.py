from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers.inspection_report import Printed, make_inspection
from tests.helpers.tools import PdfFont, flat, page_count, pdf_fonts, pdf_images, pdf_text
from tests.helpers.tools import render_page as _render_page

__all__ = ["flat", "fonts", "images", "page_count", "pdftotext", "render"]


@pytest.fixture
def printed(store, home) -> Printed:
    return make_inspection(store, home.id)


def pdftotext(path: Path, page: int | None = None) -> str:
    return pdf_text(path, page)


def fonts(path: Path) -> list[PdfFont]:
    return pdf_fonts(path)


def images(path: Path) -> list[tuple[int, int]]:
    """(width, height) of every image drawn."""
    return pdf_images(path)


def render(path: Path, page: int, out: Path, dpi: int = 70) -> Path:
    """Page ``page`` as a PNG (to look at, and to test colours on)."""
    return _render_page(path, page, out / f"{path.stem}-p{page}.png", dpi)
