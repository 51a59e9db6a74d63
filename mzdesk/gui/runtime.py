"""Process-wide GUI setup: the bundled CJK font, translators, the error hook, and the
single-writer worker that runs services off the GUI thread."""

from __future__ import annotations

import asyncio
import functools
import inspect
import logging
import sys
import traceback
from collections.abc import Awaitable, Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from types import TracebackType
from typing import Any, ParamSpec, TypeVar

from PySide6.QtCore import (
    QCoreApplication,
    QLibraryInfo,
    QLocale,
    QObject,
    Qt,
    QTimer,
    QTranslator,
    Signal,
    Slot,
)
from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog, QWidget

from mzdesk.core.errors import MzdeskError
from mzdesk.core.resources import resource_path
from mzdesk.gui.widgets import tr

log = logging.getLogger("mzdesk.gui")

P = ParamSpec("P")
T = TypeVar("T")

FONT_FILE = ("fonts", "wqy-microhei.ttc")
BUSY_CURSOR_MS = 300
PROGRESS_DIALOG_MS = 600


def register_font(app: QGuiApplication) -> str:
    """Register the bundled TrueType CJK font and make it the application font, so Chinese
    renders on machines without Chinese fonts (and offscreen)."""
    font_id = QFontDatabase.addApplicationFont(str(resource_path(*FONT_FILE)))
    if font_id < 0:
        raise RuntimeError(f"cannot load the bundled font {resource_path(*FONT_FILE)}")
    family = QFontDatabase.applicationFontFamilies(font_id)[0]
    font = QFont(family)
    font.setPointSize(10)
    app.setFont(font)
    return family


def install_translators(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Chinese: source strings are Chinese; load Qt's own zh_CN strings for standard dialogs.
    English: load mzdesk_en.qm and Qt's defaults."""
    translators: list[QTranslator] = []
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if language == "zh":
        QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
        qt = QTranslator(app)
        if qt.load("qtbase_zh_CN", qt_dir):
            translators.append(qt)
    else:
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
        ours = QTranslator(app)
        if ours.load(str(resource_path("translations", "mzdesk_en.qm"))):
            translators.append(ours)
    for translator in translators:
        app.installTranslator(translator)
    return translators


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
        log.error("unhandled error\n%s", details)
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


class Worker(QObject):
    """Runs service calls off the GUI thread: every write on one thread (one writer, as SQLite
    wants), reads on a small pool. Shows a busy cursor after 300 ms and a progress dialog
    after 600 ms for long work, so the window never freezes and short work never flickers."""

    changed = Signal()  # emitted after every successful write: screens refresh from it

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._writer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="mzdesk-writer")
        self._readers = ThreadPoolExecutor(max_workers=2, thread_name_prefix="mzdesk-reader")
        self.progress_parent: QWidget | None = None
        self.closed = False

    async def write(self, fn: Callable[P, T], /, *args: P.args, **kwargs: P.kwargs) -> T:
        result = await self._run(self._writer, fn, *args, **kwargs)
        self.changed.emit()
        return result

    async def read(self, fn: Callable[P, T], /, *args: P.args, **kwargs: P.kwargs) -> T:
        return await self._run(self._readers, fn, *args, **kwargs)

    async def _run(
        self, pool: ThreadPoolExecutor, fn: Callable[..., T], *args: Any, **kwargs: Any
    ) -> T:
        if self.closed:  # the window is closing: late refreshes end quietly
            raise asyncio.CancelledError
        loop = asyncio.get_running_loop()
        future = loop.run_in_executor(pool, functools.partial(fn, *args, **kwargs))
        busy = _Busy(self.progress_parent)
        try:
            return await future
        finally:
            busy.stop()

    def shutdown(self) -> None:
        self.closed = True
        self._writer.shutdown(wait=True)
        self._readers.shutdown(wait=True)


class _Busy:
    def __init__(self, parent: QWidget | None) -> None:
        self.parent = parent
        self.cursor = False
        self.dialog: QProgressDialog | None = None
        self._timers = [QTimer(), QTimer()]
        for timer, delay, slot in zip(
            self._timers,
            (BUSY_CURSOR_MS, PROGRESS_DIALOG_MS),
            (self._cursor, self._dialog),
            strict=True,
        ):
            timer.setSingleShot(True)
            timer.timeout.connect(slot)
            timer.start(delay)

    def _cursor(self) -> None:
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        self.cursor = True

    def _dialog(self) -> None:
        self.dialog = QProgressDialog(tr("正在处理，请稍候…"), "", 0, 0, self.parent)
        self.dialog.setCancelButton(None)
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setMinimumDuration(0)
        self.dialog.show()

    def stop(self) -> None:
        for timer in self._timers:
            timer.stop()
        if self.cursor:
            QApplication.restoreOverrideCursor()
        if self.dialog is not None:
            self.dialog.close()
            self.dialog.deleteLater()


def log_file() -> Path:
    import platformdirs

    folder = platformdirs.user_log_path("mzdesk", appauthor=False)
    folder.mkdir(parents=True, exist_ok=True)
    return folder / "mzdesk.log"


_running: set[asyncio.Future[Any]] = set()


def _report(task: asyncio.Future[Any]) -> None:
    _running.discard(task)
    if task.cancelled():
        return
    error = task.exception()
    if error is not None:
        sys.excepthook(type(error), error, error.__traceback__)


def spawn(awaitable: Awaitable[T]) -> asyncio.Future[T]:
    """Run a coroutine on the loop, keeping a strong reference until it ends (asyncio holds
    tasks weakly: an unreferenced task can vanish mid-flight) and reporting its errors."""
    task = asyncio.ensure_future(awaitable)
    _running.add(task)
    task.add_done_callback(_report)
    return task


def async_slot(
    *types: type,
) -> Callable[[Callable[..., Awaitable[Any]]], Callable[..., asyncio.Future[Any]]]:
    """Like ``qasync.asyncSlot``, but the task is kept alive and its errors reach the user.

    Signals may carry more arguments than the slot takes (``clicked(bool)``): extra trailing
    arguments are dropped, as Qt does for C++ slots.
    """

    def decorator(fn: Callable[..., Awaitable[Any]]) -> Callable[..., asyncio.Future[Any]]:
        signature = inspect.signature(fn)

        @Slot(*types)
        @functools.wraps(fn)
        def wrapper(*args: Any, **kwargs: Any) -> asyncio.Future[Any]:
            while args:
                try:
                    signature.bind(*args, **kwargs)
                    break
                except TypeError:
                    args = args[:-1]
            task = spawn(fn(*args, **kwargs))
            if args and isinstance(args[0], QObject):
                # a widget destroyed mid-await must not be touched when the await returns
                args[0].destroyed.connect(task.cancel)
            return task

        return wrapper

    return decorator


def pending_tasks() -> int:
    """How many spawned tasks are still running (closing waits for them)."""
    return len(_running)


def running_tasks() -> list[str]:
    """Descriptions of the spawned tasks still running (for the log)."""
    return [repr(task) for task in _running]
