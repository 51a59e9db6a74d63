"""Errors reach the user: unhandled exceptions (async slots included) go to the log and to a
non-blocking dialog."""

from __future__ import annotations

import logging
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from mzdesk.core.errors import MzdeskError, loggable
from mzdesk.gui.runtime.i18n import tr

log = logging.getLogger("mzdesk.gui")


def show_error(
    parent: QWidget | None, title: str, text: str, details: str | None = None
) -> QMessageBox:
    """Non-blocking error box (``open()``, never ``exec()`` inside async code)."""
    box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, parent)
    if details:
        box.setDetailedText(details)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box


def install_excepthook(parent: Callable[[], QWidget | None]) -> None:
    """Unhandled exceptions (also those in async slots) go to the log and to a dialog."""

    def hook(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        details = "".join(traceback.format_exception(kind, error, tb))
        # The log gets the type and where it happened, not the message: messages can carry
        # names and ID numbers. The person at the screen sees everything in the dialog.
        where = "".join(traceback.format_tb(tb))
        if isinstance(error, MzdeskError):
            log.info("refused: %s\n%s", loggable(error), where)
        else:
            log.error("unhandled error: %s\n%s", loggable(error), where)
        if QApplication.instance() is None:
            sys.__excepthook__(kind, error, tb)
            return
        if isinstance(error, MzdeskError):
            show_error(parent(), tr("操作未完成"), str(error))
        else:
            show_error(
                parent(),
                tr("程序出错"),
                QCoreApplication.translate(
                    "runtime", "发生了意外错误，已记录到日志。数据未被部分写入。"
                ),
                details,
            )

    sys.excepthook = hook


def log_file() -> Path:
    import platformdirs

    folder = platformdirs.user_log_path("mzdesk", appauthor=False)
    folder.mkdir(parents=True, exist_ok=True)
    return folder / "mzdesk.log"
