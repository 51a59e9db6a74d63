"""Starting the desktop app: Qt, qasync, the store, first run, login, the main window."""

from __future__ import annotations

import asyncio
import logging
import socket
import sys
from pathlib import Path

import qasync
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QDialog

from mzdesk.core.errors import CodedError
from mzdesk.core.i18n import set_language
from mzdesk.core.vocab import UserRole
from mzdesk.gui.runtime.context import AppContext
from mzdesk.gui.runtime.errors import install_excepthook, log_file
from mzdesk.gui.runtime.i18n import install_translators, register_font
from mzdesk.gui.runtime.tasks import pending_tasks, running_tasks
from mzdesk.gui.runtime.worker import Worker
from mzdesk.gui.shell.main_window import PAGE_KEYS, MainWindow
from mzdesk.gui.widgets.dialogs import ChooseInstitutionDialog, FirstRunDialog, LoginDialog
from mzdesk.services.demo import Scale, generate
from mzdesk.services.institutions import (
    add_institution,
    authenticate,
    create_user,
    list_institutions,
    users_of,
)
from mzdesk.services.views import InstitutionView, UserView
from mzdesk.store.engine import Store, open_store
from mzdesk.sync.client import SyncClient, SyncFailure, enroll

log = logging.getLogger("mzdesk.gui")


def make_application() -> QApplication:
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    app.setOrganizationName("mzdesk")
    app.setApplicationName("mzdesk")
    # _main decides when the app ends (after the window closes and work has settled); Qt
    # quitting on its own would stop the asyncio loop under running tasks.
    app.setQuitOnLastWindowClosed(False)
    return app


def configured_language(requested: str | None) -> str:
    if requested in ("zh", "en"):
        return requested
    value = str(QSettings().value("language", "zh"))
    return value if value in ("zh", "en") else "zh"


def run_app(
    db_path: Path, *, language: str | None = None, screenshot_dir: Path | None = None
) -> int:
    """Open the app on ``db_path``. With ``screenshot_dir``, render every page to PNG and exit."""
    app = make_application()
    lang = configured_language(language)
    set_language("en" if lang == "en" else "zh")
    register_font(app)
    install_translators(app, lang)
    logging.basicConfig(
        level=logging.INFO,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
        handlers=[logging.FileHandler(log_file(), encoding="utf-8"), logging.StreamHandler()],
    )
    logging.getLogger("alembic").setLevel(logging.WARNING)
    window: list[MainWindow] = []
    install_excepthook(lambda: window[0] if window else None)
    store = open_store(db_path)
    worker = Worker()
    try:
        code: int = qasync.run(_main(store, worker, db_path, window, screenshot_dir))
        return code
    finally:
        worker.shutdown()
        store.close()


async def wait_for(dialog: QDialog) -> int:
    """Show ``dialog`` without blocking the event loop and wait for its result."""
    future: asyncio.Future[int] = asyncio.get_running_loop().create_future()

    def finished(code: int) -> None:
        if not future.done():
            future.set_result(code)

    dialog.finished.connect(finished)
    dialog.open()
    return await future


async def choose_institution(
    store: Store, worker: Worker, *, interactive: bool
) -> InstitutionView | None:
    institutions = await worker.read(list_institutions, store)
    if not institutions:
        if not interactive:
            return None
        first = FirstRunDialog()

        async def create() -> None:
            if first.choice == "demo":
                await worker.write(generate, store, Scale.SITE)
            elif first.choice == "enrol":
                await _enrol(store, first)
            else:
                await worker.write(_create, store, first)

        first.submit = create
        if await wait_for(first) != QDialog.DialogCode.Accepted:
            return None
        institutions = await worker.read(list_institutions, store)
    if len(institutions) == 1 or not interactive:
        return institutions[0]
    chooser = ChooseInstitutionDialog([i.name for i in institutions])
    if await wait_for(chooser) != QDialog.DialogCode.Accepted:
        return None
    name = chooser.names.currentText()
    return next((i for i in institutions if i.name == name), institutions[0])


async def _enrol(store: Store, dialog: FirstRunDialog) -> None:
    """Join an institution of the central server: enrol, then the first sync brings it."""
    try:
        await enroll(store, dialog.server(), dialog.enrolCode.text(), socket.gethostname())
        await SyncClient(store).sync()
    except SyncFailure as failure:
        raise CodedError("sync.enrol_failed", detail=failure.message) from failure


def _create(store: Store, dialog: FirstRunDialog) -> None:
    """The institution and its administrator in one transaction."""
    with store.write() as session:
        institution = add_institution(session, dialog.institution())
        institution_id = institution.id
    create_user(
        store,
        institution_id,
        dialog.adminName.text(),
        dialog.adminName.text(),
        dialog.adminPassword.text(),
        UserRole.ADMIN,
    )


async def log_in(
    store: Store, worker: Worker, institution: InstitutionView
) -> UserView | bool | None:
    """A login when the institution has users; ``False`` when the user gave up."""
    users = await worker.read(users_of, store, institution.id)
    if not users:
        return None
    dialog = LoginDialog(institution.name)
    if len(users) == 1:
        dialog.username.setText(users[0].username)
        dialog.password.setFocus()
    result: list[UserView] = []

    async def submit() -> None:
        result.append(
            await worker.read(authenticate, store, dialog.username.text(), dialog.password.text())
        )

    dialog.submit = submit
    if await wait_for(dialog) != QDialog.DialogCode.Accepted:
        return False
    return result[0]


async def _main(
    store: Store,
    worker: Worker,
    db_path: Path,
    window: list[MainWindow],
    screenshot_dir: Path | None,
) -> int:
    interactive = screenshot_dir is None
    institution = await choose_institution(store, worker, interactive=interactive)
    if institution is None:
        if not interactive:
            print("数据库中没有机构，无法截图；请先运行 mzdesk demo。", file=sys.stderr)
            return 2
        return 0
    user: UserView | None = None
    if interactive:
        login = await log_in(store, worker, institution)
        if login is False:
            return 0
        user = login if isinstance(login, UserView) else None
    else:
        users = await worker.read(users_of, store, institution.id)
        user = users[0] if users else None
    main = MainWindow(AppContext(store, worker, institution, user, db_path))
    window.append(main)
    main.resize(1280, 800)
    main.show()
    await main.refresh_status()
    if screenshot_dir is not None:
        await take_screenshots(main, screenshot_dir)
        main.close()
    else:
        await main.closed
    await settle()
    return 0


async def settle(timeout: float = 10.0) -> None:
    """Let refreshes that are still running finish before the loop closes (asyncio would
    otherwise cancel them mid-flight while shutting down)."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while pending_tasks() and loop.time() < deadline:
        await asyncio.sleep(0.02)
    if pending_tasks():
        log.warning("closing with %d tasks still running: %s", pending_tasks(), running_tasks())


async def take_screenshots(main: MainWindow, folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for index, key in enumerate(PAGE_KEYS):
        main.navigation.setCurrentRow(index)
        page = main.page_widgets[index]
        refresh = getattr(page, "refresh", None)
        if refresh is not None:
            await refresh()
        # Let Qt lay out and paint through the event loop; calling processEvents() from inside a
        # coroutine would re-enter asyncio and strand other tasks.
        await asyncio.sleep(0.05)
        path = folder / f"{index + 1:02d}-{key}.png"
        if not main.grab().save(str(path)):
            raise OSError(f"cannot write {path}")
        written.append(path)
    return written
