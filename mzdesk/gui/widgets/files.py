"""Choosing a file to write or to read: a non-blocking file dialog (``open()``, never
``exec()`` inside async code) that calls ``then`` with the chosen path, in the app's
language (Qt's own zh_CN translation lacks two of its labels)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QWidget

from mzdesk.gui.runtime.i18n import tr

TABLE_FILTER = "Excel (*.xlsx);;CSV (*.csv)"  # the tables mzdesk reads and writes


def in_our_language(dialog: QFileDialog) -> QFileDialog:
    """Qt 6's qtbase_zh_CN.qm has no "&Look in:" or "Files of &type:" (its sources gained
    mnemonics), so Qt's file dialog showed them in English beside Chinese buttons."""
    dialog.setLabelText(QFileDialog.DialogLabel.LookIn, tr("查找范围(&L)："))
    dialog.setLabelText(QFileDialog.DialogLabel.FileType, tr("文件类型(&T)："))
    return dialog


def _show(dialog: QFileDialog, then: Callable[[str], object]) -> QFileDialog:
    in_our_language(dialog)
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


def ask_folder(
    parent: QWidget, caption: str, start: str, then: Callable[[str], object]
) -> QFileDialog:
    """An existing folder (e.g. where backups go), starting at ``start``."""
    dialog = QFileDialog(parent, caption, start)
    dialog.setFileMode(QFileDialog.FileMode.Directory)
    dialog.setOption(QFileDialog.Option.ShowDirsOnly)
    return _show(dialog, then)
