from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from tests.helpers.inspection_report import Printed, make_inspection


@pytest.fixture
def printed(store, home) -> Printed:
    return make_inspection(store, home.id)


def pdftotext(path: Path, page: int | None = None) -> str:
    pages = ["-f", str(page), "-l", str(page)] if page else []
    return subprocess.run(
        ["pdftotext", *pages, str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


def flat(text: str) -> str:
    """Text without any whitespace (pdftotext drops or adds spaces between CJK glyphs)."""
    return "".join(text.split())


def page_count(path: Path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True)
    return int(
        next(line for line in info.stdout.splitlines() if line.startswith("Pages:")).split()[1]
    )


def fonts(path: Path) -> list[list[str]]:
    out = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True)
    return [line.split() for line in out.stdout.splitlines()[2:]]


def images(path: Path) -> list[tuple[int, int]]:
    """(width, height) of every image drawn, from ``pdfimages -list``."""
    out = subprocess.run(
        ["pdfimages", "-list", str(path)], capture_output=True, text=True, check=True
    )
    return [(int(f[3]), int(f[4])) for f in (line.split() for line in out.stdout.splitlines()[2:])]


def render(path: Path, page: int, out: Path, dpi: int = 70) -> Path:
    """Page ``page`` as a PNG (to look at, and to test colours on)."""
    prefix = out / f"{path.stem}-p{page}"
    subprocess.run(
        ["pdftoppm", "-png", "-r", str(dpi), "-f", str(page), "-l", str(page), "-singlefile",
         str(path), str(prefix)],
        check=True,
    )  # fmt: skip
    return prefix.with_suffix(".png")
