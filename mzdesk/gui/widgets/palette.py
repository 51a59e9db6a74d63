"""The one palette: the colours and style sheets every screen uses."""

from __future__ import annotations

RED = "#b3261e"
ORANGE = "#b26a00"
GREEN = "#2e7d32"
NAVY = "#1f3b5a"
BLUE = "#1f5fa8"
GREY = "#777777"
MUTED = "#667"
BORDER = "#d8dee6"

ERROR_STYLE = f"border: 1px solid {RED}; background: #fdecea;"  # a field with a problem
ERROR_TEXT = f"color: {RED};"  # a dialog's problem list
HEADING = "font-size: 16px; font-weight: bold; margin-top: 6px;"
NAVIGATION = (
    f"QListWidget {{ background: {NAVY}; color: white; font-size: 15px; border: none; padding-top: 8px; }}"
    "QListWidget::item { padding: 10px 14px; }"
    "QListWidget::item:selected { background: #2f5d8a; }"
    "QListWidget:focus { outline: none; }"
)


def note_style(colour: str = "#445") -> str:
    """A small explanatory line in ``colour``."""
    return f"color: {colour}; font-size: 13px;"
