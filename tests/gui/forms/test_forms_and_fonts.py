"""Compiled forms are current; Chinese renders with real glyphs, not boxes."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QImage, QPainter
from PySide6.QtWidgets import QAbstractButton, QLabel, QListWidget, QWidget

ROOT = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(ROOT / "tools"))
import build_forms  # noqa: E402


@pytest.mark.parametrize("ui_file", sorted((ROOT / "ui").glob("*.ui")), ids=lambda p: p.name)
def test_compiled_form_is_current(ui_file: Path):
    compiled = build_forms.target(ui_file)
    assert compiled.exists(), f"{compiled} is missing: run tools/build_forms.py"
    assert compiled.read_text(encoding="utf-8") == build_forms.compile_form(ui_file), (
        f"{compiled.name} is stale: run `uv run python tools/build_forms.py`"
    )


def cjk(text: str) -> set[str]:
    return {c for c in text if "\u3400" <= c <= "\u9fff" or "\uff00" <= c <= "\uffef"}


def visible_texts(root: QWidget) -> list[tuple[QFont, str]]:
    texts: list[tuple[QFont, str]] = []
    for widget in root.findChildren(QWidget):
        if isinstance(widget, QLabel | QAbstractButton):
            texts.append((widget.font(), widget.text()))
        if isinstance(widget, QListWidget):
            texts += [(widget.font(), widget.item(i).text()) for i in range(widget.count())]
    return texts


def test_every_chinese_character_on_screen_has_a_glyph(window, font_family):
    assert "WenQuanYi" in font_family
    missing = set()
    checked = 0
    for font, text in visible_texts(window):
        metrics = QFontMetrics(font)
        for char in cjk(text):
            checked += 1
            if not metrics.inFontUcs4(ord(char)):
                missing.add(char)
    assert checked > 100
    assert missing == set()


def render(text: str, font: QFont) -> QImage:
    image = QImage(200, 60, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setFont(font)
    painter.setPen(QColor("black"))
    painter.drawText(QRect(0, 0, 200, 60), Qt.AlignmentFlag.AlignCenter, text)
    painter.end()
    return image


def test_different_characters_draw_different_shapes(qapp, font_family):
    """Tofu draws every missing character as the same box: distinct glyphs prove real ones."""
    font = QFont(font_family, 20)
    images = {c: render(c, font) for c in "民政护床"}
    assert len({bytes(img.constBits()) for img in images.values()}) == 4  # type: ignore[arg-type]
    blank = render("", font)
    assert all(bytes(img.constBits()) != bytes(blank.constBits()) for img in images.values())  # type: ignore[arg-type]
