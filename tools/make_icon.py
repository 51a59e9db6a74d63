"""Render resources/icons/mzdesk.svg into the PNG sizes the .deb installs (hicolor theme) and
the .ico the Windows build puts on mzdesk.exe.

Run after editing the SVG: ``uv run python tools/make_icon.py``. The PNGs are committed, so the
bundle build needs no SVG renderer.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PIL import Image
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ICONS = Path(__file__).resolve().parents[1] / "resources" / "icons"
SIZES = (48, 128, 256)


def render(svg: Path, size: int, out: Path) -> None:
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"{svg}: not a valid SVG")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    if not image.save(str(out)):
        raise SystemExit(f"cannot write {out}")


def main() -> None:
    app = QGuiApplication(sys.argv[:1])
    svg = ICONS / "mzdesk.svg"
    for size in SIZES:
        render(svg, size, ICONS / f"mzdesk-{size}.png")
        print(ICONS / f"mzdesk-{size}.png")
    with Image.open(ICONS / "mzdesk-256.png") as image:
        image.save(ICONS / "mzdesk.ico", sizes=[(16, 16), (32, 32), (48, 48), (256, 256)])
    print(ICONS / "mzdesk.ico")
    del app


if __name__ == "__main__":
    main()
