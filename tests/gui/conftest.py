"""GUI fixtures: offscreen Qt with the bundled font, a qasync loop inside pytest-qt's loop,
and a main window on a demo database."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import qasync
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QWidget

from mzdesk.gui.runtime.context import AppContext
from mzdesk.gui.runtime.i18n import register_font
from mzdesk.gui.runtime.tasks import pending_tasks
from mzdesk.gui.runtime.worker import Worker
from mzdesk.gui.shell.main_window import MainWindow
from mzdesk.gui.widgets.wheel import install_wheel_guard
from mzdesk.services.demo.generate import Scale, generate
from mzdesk.services.institutions import list_institutions
from mzdesk.services.users import NewUser, add_user, users_of
from mzdesk.services.views import UserView
from mzdesk.store.engine import Store, open_store
from mzdesk.store.keys import slots_path
from tests.helpers.actors import SETUP


@pytest.fixture(scope="session")
def font_family(qapp: QApplication) -> str:
    return register_font(qapp)


@pytest.fixture(scope="session", autouse=True)
def wheel_guard(qapp: QApplication) -> None:
    """As in the app (make_application): the wheel scrolls forms, not unfocused inputs."""
    install_wheel_guard(qapp)


@pytest.fixture
def loop(qapp: QApplication, font_family: str) -> Iterator[asyncio.AbstractEventLoop]:
    event_loop = qasync.QEventLoop(qapp, already_running=True)
    asyncio.set_event_loop(event_loop)
    # work sent to the loop's default executor (a PDF written off the GUI thread) runs on
    # QThreads the app shuts down when its loop closes; a test's loop is never closed, so
    # its executor is shut down here ("QThread: Destroyed while thread is still running")
    executor = qasync.QThreadExecutor(2)
    event_loop.set_default_executor(executor)
    yield event_loop
    executor.shutdown()
    # already_running marks the loop as the thread's running loop; unmark it, or every later
    # asyncio.run() in this process (the sync tests) refuses to start.
    asyncio.events._set_running_loop(None)
    asyncio.set_event_loop(None)


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.db"
    store = open_store(path)
    generate(store, SETUP, Scale.SITE, seed=7)
    _DEMO_KEYS[path] = store.key
    store.close()
    return path


_DEMO_KEYS: dict[Path, bytes | None] = {}


@pytest.fixture
def demo_store(demo_db: Path, tmp_path: Path) -> Iterator[Store]:
    """A copy of the demo database (with its key file), opened with its key."""
    copy = tmp_path / "demo.db"
    copy.write_bytes(demo_db.read_bytes())
    slots_path(copy).write_bytes(slots_path(demo_db).read_bytes())
    store = open_store(copy, key=_DEMO_KEYS[demo_db])
    yield store
    store.close()


def _open_window(qtbot, store: Store, worker: Worker, user: UserView | None) -> MainWindow:
    institution = list_institutions(store)[0]
    main = MainWindow(AppContext(store, worker, institution, user, store.path or Path()))
    main.resize(1280, 800)
    main.show()
    qtbot.waitUntil(lambda: main.home.in_house.value.text() != "…", timeout=10_000)
    return main


def _close_window(qtbot, main: MainWindow, worker: Worker) -> None:
    qtbot.waitUntil(lambda: pending_tasks() == 0, timeout=10_000)  # let refreshes finish
    leaked = [
        f"{type(w).__name__} «{w.windowTitle()}»"
        for w in QApplication.topLevelWidgets()
        if isinstance(w, QDialog) and w.isVisible()
    ]
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QDialog) and widget.isVisible():
            widget.close()
    main.close()
    main.deleteLater()
    qtbot.wait(10)
    worker.shutdown()
    if leaked:  # a dialog left open is a test that did not finish what it started
        pytest.fail(f"dialogs left open: {', '.join(leaked)}", pytrace=False)


@pytest.fixture
def window(qtbot, loop, demo_store: Store) -> Iterator[MainWindow]:
    """The main window, logged in as the demo institution's administrator."""
    worker = Worker()
    user = users_of(demo_store, list_institutions(demo_store)[0].id)[0]
    main = _open_window(qtbot, demo_store, worker, user)
    yield main
    _close_window(qtbot, main, worker)


@pytest.fixture
def window_as(qtbot, loop, demo_store: Store) -> Iterator[Callable[[str], MainWindow]]:
    """Opens the main window logged in as a new user of the given role (a code of roles.json);
    one window per test."""
    worker = Worker()
    opened: list[MainWindow] = []

    def open_as(role: str) -> MainWindow:
        institution = list_institutions(demo_store)[0]
        user = add_user(
            demo_store,
            SETUP,
            institution.id,
            NewUser(f"test-{role}", f"测试{role}", "password-1", role),
        )
        opened.append(_open_window(qtbot, demo_store, worker, user))
        return opened[-1]

    yield open_as
    for main in opened:
        _close_window(qtbot, main, worker)
    worker.shutdown()


def open_dialog(qtbot, kind: type[QWidget]) -> QWidget:
    """Wait until a dialog of ``kind`` is open and return it."""
    found: list[QWidget] = []

    def visible() -> bool:
        found[:] = [
            w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()
        ]
        return bool(found)

    qtbot.waitUntil(visible, timeout=10_000)
    return found[-1]


def ok(qtbot, dialog: QWidget) -> None:
    """Click a dialog's OK button."""
    buttons = dialog.findChild(QDialogButtonBox)
    qtbot.mouseClick(buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)


def closed(qtbot, dialog: QWidget) -> None:
    """Wait until ``dialog`` is closed (or deleted)."""
    qtbot.waitUntil(lambda: not shiboken6.isValid(dialog) or not dialog.isVisible(), timeout=10_000)
