"""Choosing a file to write or to read: a non-blocking file dialog (``open()``, never
``exec()`` inside async code) that calls ``then`` with the chosen path."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QWidget


def _show(dialog: QFileDialog, then: Callable[[str], object]) -> QFileDialog:
    dialog.fileSelected.connect(then)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog


def ask_save_path(
    parent: QWidget,
    caption: str,
    suggested: Path,
    file_filter: str,
    suffix: str,
    then: Callable[[str], object],
) -> QFileDialog:
    """Where to write a file; ``suffix`` is added when the name typed has none."""
    dialog = QFileDialog(parent, caption, str(suggested), file_filter)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setDefaultSuffix(suffix)
    return _show(dialog, then)


def ask_open_path(
    parent: QWidget, caption: str, file_filter: str, then: Callable[[str], object]
) -> QFileDialog:
    """An existing file to read, starting in the home folder."""
    dialog = QFileDialog(parent, caption, str(Path.home()), file_filter)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
    dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    return _show(dialog, then)
