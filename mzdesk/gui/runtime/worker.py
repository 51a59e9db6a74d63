"""The single-writer worker that runs services off the GUI thread, with a busy cursor and a
progress dialog for long work, and says what each write changed."""

from __future__ import annotations

import asyncio
import functools
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any, ParamSpec, TypeVar

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QApplication, QProgressDialog, QWidget

from mzdesk.core.changes import Changes
from mzdesk.gui.runtime.i18n import tr
from mzdesk.store.engine import collect_changes

P = ParamSpec("P")
T = TypeVar("T")

BUSY_CURSOR_MS = 300
PROGRESS_DIALOG_MS = 600


class Worker(QObject):
    """Runs service calls off the GUI thread: every write on one thread (one writer, as SQLite
    wants), reads on a small pool. Shows a busy cursor after 300 ms and a progress dialog
    after 600 ms for long work, so the window never freezes and short work never flickers."""

    # What a write changed (a ``Changes``), emitted only when it changed something: the shell
    # refreshes the pages that show those tables.
    changed = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._writer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="mzdesk-writer")
        self._readers = ThreadPoolExecutor(max_workers=2, thread_name_prefix="mzdesk-reader")
        self.progress_parent: QWidget | None = None
        self.closed = False

    async def write(self, fn: Callable[P, T], /, *args: P.args, **kwargs: P.kwargs) -> T:
        """Run ``fn`` on the one writer thread; then emit ``changed`` with what it changed."""
        return await self._write(fn, args, kwargs, busy=True)

    async def write_quietly(self, fn: Callable[P, T], /, *args: P.args, **kwargs: P.kwargs) -> T:
        """``write`` without the busy cursor and progress dialog: for work the user did not
        start and need not wait for (the automatic sync's steps)."""
        return await self._write(fn, args, kwargs, busy=False)

    async def _write(
        self, fn: Callable[..., T], args: tuple[Any, ...], kwargs: dict[str, Any], *, busy: bool
    ) -> T:
        def collecting() -> tuple[T, Changes]:
            # in the writer thread: the collector is a contextvar, which does not cross
            # run_in_executor
            with collect_changes() as collector:
                result = fn(*args, **kwargs)
            return result, collector.changes

        result, changes = await self._run(self._writer, collecting, busy=busy)
        if changes:
            self.changed.emit(changes)
        return result

    async def read(self, fn: Callable[P, T], /, *args: P.args, **kwargs: P.kwargs) -> T:
        return await self._run(self._readers, functools.partial(fn, *args, **kwargs))

    async def _run(self, pool: ThreadPoolExecutor, fn: Callable[[], T], *, busy: bool = True) -> T:
        if self.closed:  # the window is closing: late refreshes end quietly
            raise asyncio.CancelledError
        loop = asyncio.get_running_loop()
        future = loop.run_in_executor(pool, fn)
        shown = _Busy(self.progress_parent) if busy else None
        try:
            return await future
        finally:
            if shown is not None:
                shown.stop()

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
